/**
 * A small built-in page a spare renderer's main thread lays out and paints once as it starts, and
 * throws away: V8 compiles code on first use, so the first real page would otherwise pay for
 * compiling the parser, style, layout and paint. The spare does it while it waits, so a new
 * site's first frame runs warm code (a renderer launched for a page skips it: the page is its
 * first run). It uses what most pages use: text in the shipped
 * fonts and weights, flex layout, borders and radii, a gradient, a transform animation.
 */
export const WARM_UP_PAGE = `<!doctype html>
<html>
<head>
<title>Warm-up</title>
<style>
  body { margin: 16px 24px; background: #ffffff; color: #202124 }
  h1 { color: #1a73e8 }
  p { color: #5f6368; line-height: 1.4 }
  .row { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px; border: 1px solid #dadce0;
         border-radius: 8px; background: linear-gradient(90deg, #ffffff, #e8f0fe) }
  .box { width: 48px; height: 48px; background: #f28b82; border-radius: 6px; animation: turn 2s linear infinite }
  .pill { padding: 4px 12px; border-radius: 12px; background: #81c995; font-weight: bold; text-align: center }
  code { font-family: monospace }
  @keyframes turn { from { transform: rotate(0deg) } to { transform: rotate(360deg) } }
</style>
</head>
<body>
  <h1>Warm-up</h1>
  <p>Plain text, <b>bold</b>, <i>italic</i>, <code>monospace</code> and <a href="#">a link</a>, wrapped across lines
     as a paragraph of a real page would be.</p>
  <div class="row"><div class="box"></div><div class="pill">flex item</div><span>inline text</span></div>
  <ul><li>a list item</li></ul>
</body>
</html>`;
