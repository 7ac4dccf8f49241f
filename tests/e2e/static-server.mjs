// A plain static file host for the browser tests, like S3 or GitHub Pages: files only, no
// rewrites. `dir/` serves dir/index.html, `dir` redirects to `dir/`, and a missing path gets the
// site's 404.html with status 404. Options:
//   --root DIR      the folder to serve (a built dist/)
//   --port N
//   --prefix /p/    serve the site under a sub-path, as for `trunk build --public-url /p/`
//   --spa           answer unknown paths with index.html and 200, as `trunk serve` and some CDNs do
//   --brotli        serve the .br sibling when the client accepts br (for the benchmarks)
//   --headers       send the headers the site's `_headers` file gives each path (Netlify's and
//                   Cloudflare Pages' format), instead of `Cache-Control: no-store`; a path no
//                   rule gives a Cache-Control gets those hosts' own default, revalidated on use
//   --security-headers  the same, but keep `Cache-Control: no-store`: what the browser tests
//                   use, so that a test sees each file as the build last wrote it
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const root = path.resolve(option('--root', '.'));
const port = Number(option('--port', '4300'));
const prefix = option('--prefix', '/');
const spa = args.includes('--spa');
const brotli = args.includes('--brotli');

// `_headers`: a path pattern (`*` matches anything) on a line of its own, then its headers,
// indented, one `Name: value` a line. Every rule whose pattern matches applies, a later rule's
// header replacing an earlier one's, as on Netlify. Patterns carry the site's prefix.
const rules = [];
const securityOnly = args.includes('--security-headers');
// Netlify's and Cloudflare Pages' Cache-Control for a file no rule names (the pages, at their
// folder addresses): kept, but asked again each time.
const hostCaching = args.includes('--headers');
if ((args.includes('--headers') || securityOnly) && fs.existsSync(path.join(root, '_headers'))) {
  for (const line of fs.readFileSync(path.join(root, '_headers'), 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${pattern}$`), headers: {} });
    } else if (rules.length) {
      const at = line.indexOf(':');
      const name = line.slice(0, at).trim();
      if (securityOnly && name.toLowerCase() === 'cache-control') continue;
      rules[rules.length - 1].headers[name] = line.slice(at + 1).trim();
    }
  }
}
const headersFor = (sitePath) =>
  Object.assign({}, ...rules.filter((rule) => rule.pattern.test(sitePath)).map((rule) => rule.headers));

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.yml': 'text/yaml; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8', '.webmanifest': 'application/manifest+json; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.gif': 'image/gif',
};

function send(req, res, file, status = 200, sitePath = '') {
  const headers = {
    'Content-Type': types[path.extname(file).toLowerCase()] || 'application/octet-stream',
    'Cache-Control': hostCaching ? 'public, max-age=0, must-revalidate' : 'no-store',
    ...headersFor(sitePath),
  };
  let body = file;
  if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] || '') && fs.existsSync(file + '.br')) {
    body = file + '.br';
    headers['Content-Encoding'] = 'br';
    headers['Vary'] = 'Accept-Encoding';
  }
  // A validator, as every real host sends: a file the browser must revalidate (`no-cache`)
  // comes back as 304 when unchanged.
  const stat = fs.statSync(body);
  headers['ETag'] = `W/"${stat.size}-${Math.floor(stat.mtimeMs)}"`;
  if (status === 200 && req.headers['if-none-match'] === headers['ETag']) {
    res.writeHead(304, headers);
    return res.end();
  }
  headers['Content-Length'] = stat.size;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') return res.end();
  fs.createReadStream(body).pipe(res);
}

function isFile(p) {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}
function isDir(p) {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let pathname;
  try { pathname = decodeURIComponent(url.pathname); } catch { pathname = url.pathname; }
  if (!pathname.startsWith(prefix) && pathname + '/' !== prefix) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('outside the site');
  }
  if (pathname + '/' === prefix) {
    res.writeHead(301, { Location: prefix + url.search });
    return res.end();
  }
  const relative = pathname.slice(prefix.length);
  const target = path.join(root, relative);
  if (!target.startsWith(root)) {
    res.writeHead(403);
    return res.end();
  }
  // The path as `_headers` patterns see it: the whole path, prefix included.
  const sitePath = pathname;
  if (isFile(target)) return send(req, res, target, 200, sitePath);
  if (isDir(target)) {
    if (!pathname.endsWith('/')) {
      res.writeHead(301, { Location: pathname + '/' + url.search });
      return res.end();
    }
    if (isFile(path.join(target, 'index.html'))) return send(req, res, path.join(target, 'index.html'), 200, sitePath);
  }
  if (spa) return send(req, res, path.join(root, 'index.html'), 200, sitePath);
  if (isFile(path.join(root, '404.html'))) return send(req, res, path.join(root, '404.html'), 404, sitePath);
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('not found');
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${prefix}`));
