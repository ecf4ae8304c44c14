import { describe, expect, it } from 'vitest';
import { checkBody } from './check-body.ts';

const b = (s: string | number[]) => (typeof s === 'string' ? Buffer.from(s) : Buffer.from(s));

describe('checkBody', () => {
  it('accepts what was asked for', () => {
    expect(checkBody(b([0x1f, 0x8b, 8, 0]), 'application/gzip', 'gzip')).toBeNull();
    expect(checkBody(b('From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: a'), 'text/plain', 'mbox')).toBeNull();
    expect(checkBody(b('Message-ID: <a@b>\n'), null, 'mbox')).toBeNull();
    expect(checkBody(b('<?xml version="1.0"?><feed>'), 'application/atom+xml', 'atom')).toBeNull();
    expect(checkBody(b('[{"id":1}]'), 'application/json', 'json')).toBeNull();
    expect(checkBody(b('\n {"projects":"..."}'), 'application/json', 'json')).toBeNull();
  });

  it('names an HTML page where mail was expected (a bot check, an error page)', () => {
    const r = checkBody(b('<!doctype html><html><title>Making sure you are not a bot</title>'), 'text/html; charset=utf-8', 'gzip');
    expect(r).toMatch(/^expected a gzip file \(a gzipped mbox or manifest\), got an HTML page \(text\/html; charset=utf-8, starting "<!doctype html><html>.*the server may be showing a bot check or an error page$/);
    expect(checkBody(b('<html>'), null, 'mbox')).toContain('got an HTML page');
    expect(checkBody(b('<html>'), 'text/html', 'atom')).toContain('got an HTML page');
    // Django's production 500 page, served with 200 by a misconfigured proxy
    expect(checkBody(b('\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Server Error (500)</title>'), 'text/html', 'json')).toMatch(/^expected a JSON document, got an HTML page/);
  });

  it('takes any text as a page (the page reader says what it is), not a binary body', () => {
    expect(checkBody(b('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">'), 'text/html', 'page')).toBeNull();
    expect(checkBody(b('Message-ID: <a@b>\n'), 'text/plain', 'page')).toBeNull();
    expect(checkBody(b([0x1f, 0x8b, 8, 0]), 'application/gzip', 'page')).toMatch(/^expected a web page or a message, got application\/gzip/);
    expect(checkBody(b(''), 'text/html', 'page')).toBe('expected a web page or a message, got an empty body');
  });

  it('describes other wrong bodies', () => {
    expect(checkBody(b(''), 'application/gzip', 'gzip')).toBe('expected a gzip file (a gzipped mbox or manifest), got an empty body');
    expect(checkBody(b('{"a":1}'), 'application/json', 'gzip')).toBe('expected a gzip file (a gzipped mbox or manifest), got application/json starting "{\\"a\\":1}"');
    expect(checkBody(b('From patchwork Wed Apr 20 15:53:06 2022'), 'text/plain', 'json')).toBe('expected a JSON document, got text/plain starting "From patchwork Wed Apr 20 15:53:06 2022"');
  });
});
