// Points Redoc's "Open in Claude" and "Open in ChatGPT" page actions at our Markdown pages.
// Redoc (in @redocly/cli, pinned) asks the assistant to "Read <url> and answer questions about
// the GET /v1/... operation", with <url> the whole 1 MB description, or pastes the operation's
// YAML into the prompt when it is short. Neither has an option, so the built page is patched at
// two places: the URL becomes the operation's own Markdown page (llms.txt for a tag or the
// overview), and the prompt always links it. Each patch must match exactly once, so an upgrade
// of Redoc that moves them fails `npm run docs` loudly instead of silently linking the bundle.
import type { PageEntry } from './markdown-pages.ts';

const HOOK = '__checkoutPageLlmsPage';

const PATCHES: Array<{ what: string; pattern: RegExp; replace: (match: string, ...groups: string[]) => string }> = [
  {
    what: 'the URL the assistant is asked to read',
    // {..., scope: l, specUrl: n ?? r?.[0]?.url, ...} in the hook that describes the open page.
    pattern: /scope:(\w+),specUrl:(\w+)\?\?(\w+)\?\.\[0\]\?\.url/g,
    replace: (_m, scope, definitionUrl, downloads) => `scope:${scope},specUrl:window.${HOOK}?.(${scope})??${definitionUrl}??${downloads}?.[0]?.url`,
  },
  {
    what: 'the choice between pasting the YAML and linking the page',
    // c = inlinePrompt(target, text, r.contentKind), l = c ?? linkPrompt(...)
    pattern: /(\w+)=(\w+)\((\w+),(\w+),(\w+)\.contentKind\),(\w+)=\1\?\?/g,
    replace: (_m, inline, fn, target, text, action, url) => `${inline}=window.${HOOK}?.(${action}.scope)?void 0:${fn}(${target},${text},${action}.contentKind),${url}=${inline}??`,
  },
];

/** The script that maps Redoc's page scope to our page: operations by method and path (or event). */
function hookScript(pages: PageEntry[], index: string): string {
  const map = Object.fromEntries(pages.map((p) => [`${p.method} ${p.path}`, p.file]));
  return `<script>window.${HOOK} = (function (pages) {
  return function (scope) {
    if (!scope) return undefined;
    if (scope.kind === 'operation') return pages[scope.httpVerb + ' ' + scope.pathName];
    return ${JSON.stringify(index)};
  };
})(${JSON.stringify(map).replace(/</g, '\\u003c')});</script>`;
}

export function pointPageActionsAtPages(html: string, pages: PageEntry[], index: string): string {
  let out = html;
  for (const patch of PATCHES) {
    const count = out.match(patch.pattern)?.length ?? 0;
    if (count !== 1) {
      throw new Error(`Cannot point "Open in Claude/ChatGPT" at the Markdown pages: ${patch.what} was found ${count} times in Redoc's page (expected once). Has @redocly/cli changed? See scripts/lib/page-actions.ts.`);
    }
    out = out.replace(patch.pattern, patch.replace as (substring: string, ...args: string[]) => string);
  }
  // Right after the template's charset (docs/template.hbs): before Redoc's script runs.
  const anchor = '<meta charset="utf-8" />';
  if (!out.includes(anchor)) throw new Error(`docs/template.hbs lost its ${anchor}: cannot add the page-actions hook.`);
  return out.replace(anchor, () => `${anchor}\n  ${hookScript(pages, index)}`);
}
