/** The user-agent style sheet: what elements look like before any page CSS (a slice of Blink's html.css). */
export const UA_STYLE_SHEET = `
html, body, div, p, h1, h2, h3, h4, h5, h6, ul, ol, section, article, header, footer, main, nav,
aside, blockquote, pre, figure, figcaption, form, hr, address, details, summary, dl, dt, dd,
table, tbody, thead, tfoot, tr, fieldset, legend, center, canvas, video { display: block }
li { display: list-item }
head, script, style, title, meta, link, template, noscript, base, iframe, datalist, param { display: none }
td, th { display: inline-block; padding: 1px 4px }
body { margin: 8px }
h1 { font-size: 2em; font-weight: bold; margin: 0.67em 0 }
h2 { font-size: 1.5em; font-weight: bold; margin: 0.83em 0 }
h3 { font-size: 1.17em; font-weight: bold; margin: 1em 0 }
h4 { font-weight: bold; margin: 1.33em 0 }
h5 { font-size: 0.83em; font-weight: bold; margin: 1.67em 0 }
h6 { font-size: 0.67em; font-weight: bold; margin: 2.33em 0 }
p, blockquote, figure, dl, pre { margin: 1em 0 }
blockquote, figure { margin-left: 40px; margin-right: 40px }
ul, ol { margin: 1em 0; padding-left: 40px }
ol { list-style-type: decimal }
dd { margin-left: 40px }
b, strong, th { font-weight: bold }
i, em, cite, var, dfn { font-style: italic }
pre, code, kbd, samp, tt { font-family: monospace }
pre { white-space: pre }
code, kbd, samp { font-size: 0.875em }
small { font-size: 0.83em }
big { font-size: 1.17em }
a { color: #0000ee; text-decoration: underline }
u, ins { text-decoration: underline }
s, strike, del { text-decoration: line-through }
mark { background-color: yellow }
hr { border: 1px solid #c0c0c0; margin: 0.5em 0 }
center { text-align: center }
button { display: inline-block; padding: 2px 8px; border: 2px solid #767676; border-radius: 3px;
  background-color: #efefef; font-size: 13px; text-align: center }
input, textarea, select { display: inline-block; padding: 2px; border: 2px solid #767676; background-color: white;
  width: 150px; height: 18px }
embed, object, img { display: inline-block }
`;
