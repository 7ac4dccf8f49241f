// Benchmark (a script, not a test): MDN's HTTP Observatory scanner (npm @mdn/mdn-http-observatory,
// its own retriever, analyzers and grader, unchanged) against the release build served the way the
// nginx configuration of docs/deploying.md serves it: HTTPS on 127.0.0.1:443 with the headers of
// `dist/nginx-headers.conf`, and HTTP on :80 redirecting to it. The scanner takes a host name and
// scans its ports 80 and 443, so this binds them (root). Its certificate is self-signed for this
// run and handed to the scanner as a trusted CA (NODE_EXTRA_CA_CERTS). Prints the grade, the score
// and each rule.
//
//   node tests/bench/observatory.mjs [dist]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const dist = path.resolve(repo, process.argv[2] || 'dist');
const work = path.join(repo, 'target/observatory');
fs.mkdirSync(work, { recursive: true });
const scanner = path.join(here, 'observatory/node_modules/@mdn/mdn-http-observatory/src/scan.js');
if (!fs.existsSync(scanner)) {
  // Its dependency node_extra_ca_certs_mozilla_bundle downloads Mozilla's CA list on install,
  // from a host this machine cannot reach; the scan needs none of it (.npmrc: ignore-scripts).
  spawnSync('npm', ['ci', '--silent'], { cwd: path.join(here, 'observatory'), stdio: 'inherit' });
}

// Its install step also downloads Chromium's HSTS preload list, which the scanner reads to tell
// whether a host is preloaded (a bonus). 127.0.0.1 is in no such list: an empty one says so.
const preload = path.join(path.dirname(scanner), '../conf/hsts-preload.json');
if (!fs.existsSync(preload)) fs.writeFileSync(preload, '{}');

const key = path.join(work, 'key.pem');
const cert = path.join(work, 'cert.pem');
const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
  '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
if (made.status !== 0) throw new Error('openssl could not make a certificate');

// The nginx include: `add_header Name "value" always;`, one a line.
const headers = {};
for (const [, name, value] of fs.readFileSync(path.join(dist, 'nginx-headers.conf'), 'utf8').matchAll(/^add_header (\S+) "(.*)" always;$/gm)) {
  headers[name] = value;
}
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.txt': 'text/plain; charset=utf-8' };
const site = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
  let file = path.join(dist, decodeURIComponent(new URL(req.url, 'https://x').pathname));
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  const found = file.startsWith(dist) && fs.existsSync(file);
  res.writeHead(found ? 200 : 404, { ...headers, 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
  res.end(fs.readFileSync(found ? file : path.join(dist, '404.html')));
});
const redirect = http.createServer((req, res) => {
  res.writeHead(301, { Location: `https://127.0.0.1${req.url}` });
  res.end();
});
await new Promise((ok) => site.listen(443, '127.0.0.1', ok));
await new Promise((ok) => redirect.listen(80, '127.0.0.1', ok));

// The scanner runs in a process of its own, while this one serves it.
const output = await new Promise((ok) => {
  const child = spawn(process.execPath, [scanner, '127.0.0.1'], { env: { ...process.env, NODE_EXTRA_CA_CERTS: cert } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => process.stderr.write(d));
  child.on('close', () => ok(out));
});
site.close();
redirect.close();

const result = JSON.parse(output);
if (result.error) {
  console.log(`HTTP Observatory: the scan failed: ${result.error}`);
  process.exit(1);
}
console.log(`MDN HTTP Observatory ${result.scan.algorithmVersion ? `(algorithm ${result.scan.algorithmVersion})` : ''}, ${dist}`);
console.log(`grade ${result.scan.grade}, score ${result.scan.score}, ${result.scan.testsPassed}/${result.scan.testsQuantity} rules passed`);
for (const [name, test] of Object.entries(result.tests)) {
  console.log(`  ${test.pass ? 'pass' : 'FAIL'}  ${name.padEnd(28)} ${String(test.scoreModifier).padStart(4)}  ${test.result}`);
}
