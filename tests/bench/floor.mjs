// The site and its static-HTML floor, side by side on one loopback server, for the first-load
// benchmarks (lighthouse.mjs, first-load.mjs): a copy of the release build in `root`, the seed
// article's own page with every script removed at `/floor/`, both served brotli.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export async function serveSiteAndFloor({ repo, dist, root, port }) {
  fs.rmSync(root, { recursive: true, force: true });
  fs.cpSync(dist, root, { recursive: true });
  const slug = fs.readdirSync(path.join(root, 'bai-viet')).sort()[0];
  const article = fs.readFileSync(path.join(root, 'bai-viet', slug, 'index.html'), 'utf8');
  const floor = article.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  fs.mkdirSync(path.join(root, 'floor'), { recursive: true });
  fs.writeFileSync(path.join(root, 'floor/index.html'), floor);
  spawnSync('brotli', ['-f', '-q', '11', path.join(root, 'floor/index.html')]);
  const server = spawn('node', [path.join(repo, 'tests/e2e/static-server.mjs'), '--root', root, '--port', String(port), '--brotli'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  return {
    server,
    pages: { floor: `http://127.0.0.1:${port}/floor/`, site: `http://127.0.0.1:${port}/bai-viet/${slug}/` },
  };
}
