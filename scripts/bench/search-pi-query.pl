#!/usr/bin/perl
# Answers lore queries with public-inbox's own search code (PublicInbox::Search, Xapian) over the
# inbox named on the command line, for scripts/compare-search.ts. One query a line on stdin; one
# JSON line each on stdout: {"query","total","hits":[[mid, date header unix time]...]} with every
# hit (total is exact: the match set is enumerated whole). Same parsing as lore's web search:
# query_approxidate, then Xapian's QueryParser as public-inbox configures it.
use strict;
use warnings;
use PublicInbox::Config;
use JSON::PP;
my $name = shift @ARGV or die "usage: $0 INBOX_NAME < queries\n";
my $cfg = PublicInbox::Config->new;
my $ibx = $cfg->lookup_name($name) or die "no inbox $name in $ENV{PI_CONFIG}\n";
my $srch = $ibx->search or die "inbox $name has no search index\n";
my $json = JSON::PP->new->canonical;
binmode STDOUT, ':utf8';
$| = 1;
while (my $q = <STDIN>) {
	chomp $q;
	utf8::decode($q);
	my $qs = $q;
	$srch->query_approxidate($ibx->git, $qs);
	my $mset = eval { $srch->mset($qs, { limit => 100000, relevance => 0 }) };
	if (!$mset) {
		print $json->encode({ query => $q, error => "$@" }), "\n";
		next;
	}
	my $msgs = $srch->mset_to_smsg($ibx, $mset);
	my @hits = map { [ $_->{mid}, $_->{ds} + 0 ] } @$msgs;
	print $json->encode({ query => $q, total => $mset->size, hits => \@hits }), "\n";
}
