/** What the server shows in place of the web application when `npm run build` has not been run. */
export function notBuiltPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Homeward: web application not built</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<main>
<h1>The web application has not been built</h1>
<p>The Homeward server is running and its API answers under <a href="/api/v1/health">/api/v1</a>, but the web
application's files are missing. Build them, then reload this page:</p>
<pre style="background: #f1f3f5; padding: 0.75rem; border-radius: 0.25rem"><code>npm run build</code></pre>
<p>For development with live reloading, run <code>npm run dev</code> instead.</p>
</main>
</body>
</html>
`;
}
