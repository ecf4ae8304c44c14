// A topic's Markdown body as HTML: GitHub-flavoured Markdown, citations resolved into cards and
// references (remark-citations.ts). Raw HTML in the Markdown is not passed through: topics are
// text and citations, and the site's policy allows no inline script or style anyway. Pure, given
// the resolver.
import rehypeStringify from 'rehype-stringify';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import type { Topic, TopicProblem } from './read-topic.ts';
import { protectWikiCitations, remarkCitations, type CitationOptions } from './remark-citations.ts';

export interface RenderedTopic {
  html: string;
  /** Message-IDs cited, in order. */
  cited: string[];
  /** Citations that resolve to nothing, with the file and line. */
  problems: TopicProblem[];
}

export function renderTopic(topic: Pick<Topic, 'file' | 'body' | 'bodyLine'>, resolve: CitationOptions['resolve']): RenderedTopic {
  const problems: TopicProblem[] = [];
  const cited: string[] = [];
  const html = String(
    remark()
      .use(remarkGfm)
      .use(remarkCitations, { resolve, file: topic.file, firstLine: topic.bodyLine, problems, cited })
      .use(remarkRehype)
      .use(rehypeStringify)
      .processSync(protectWikiCitations(topic.body)),
  );
  return { html, cited, problems };
}
