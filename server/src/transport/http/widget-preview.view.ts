/**
 * `/widget/preview`: an empty page that runs the widget (`/widget/preview.js`)
 * with the settings the admin page posts to it. Only our own admin may frame
 * it, it talks to no server, and it loads nothing from other origins but
 * avatar images.
 */
export const previewPageHeaders = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' https: data:; style-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
  'X-Frame-Options': 'SAMEORIGIN',
  'Cache-Control': 'no-cache',
  'X-Robots-Tag': 'noindex',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function renderPreviewPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Assistant preview</title>
</head>
<body>
<script src="/widget/preview.js" data-key="pk_preview_unsaved" async></script>
</body>
</html>
`;
}
