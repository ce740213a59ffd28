/** The page a tab shows when its address could not be loaded, rendered by the renderer like any page. */
export function errorPage(url: string, reason: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html><head><title>Can't reach this page</title></head>
<body style="background: #f8f9fa"><h1>This page can't be reached</h1>
<p style="color: #5f6368">${esc(url.slice(0, 300))}</p>
<p>${esc(reason.slice(0, 1000))}</p>
<p style="color: #5f6368">The browser process tried to load the page for this tab and failed.
Other tabs are not affected.</p>
</body></html>`;
}
