// The build as an editor meets it: a broken bundle fails `trunk build --release` with the file
// and the field named, and the site already in dist/ is left exactly as it was.
import { expect, test } from './fixtures';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const work = path.join(repo, 'target/e2e-broken');

function brokenBundle(name: string, breakIt: (dir: string) => void) {
  const dir = path.join(work, name, 'content');
  fs.rmSync(path.join(work, name), { recursive: true, force: true });
  fs.cpSync(path.join(repo, 'public/content'), dir, { recursive: true });
  breakIt(dir);
  return dir;
}

function trunkBuild(content: string, dist: string) {
  return spawnSync('trunk', ['build', '--release', '--dist', dist], {
    cwd: repo,
    env: { ...process.env, SITE_CONTENT_DIR: path.relative(repo, content), NO_COLOR: 'true' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const article = 'articles/2023/lam-viec-voi-ubnd-huyen-co-do-2023.json';
const cases: [string, (dir: string) => void, RegExp][] = [
  [
    'a-timestamp-without-offset',
    (dir) => edit(dir, article, (a) => ({ ...a, published_at: '2023-08-13T15:11:00' })),
    /articles\/2023\/lam-viec-voi-ubnd-huyen-co-do-2023\.json: trường "published_at": thiếu độ lệch múi giờ/,
  ],
  [
    'a-missing-image',
    (dir) => fs.rmSync(path.join(dir, 'images/lam-viec-voi-ubnd-huyen-co-do-2023/anh-3.png')),
    /trường "body\[4\]\.image": không tìm thấy tệp ảnh .*anh-3\.png/,
  ],
  [
    'invalid-json',
    (dir) => fs.appendFileSync(path.join(dir, article), '\n,'),
    /lam-viec-voi-ubnd-huyen-co-do-2023\.json: JSON không hợp lệ ở dòng \d+/,
  ],
];

for (const [name, breakIt, message] of cases) {
  test(`a bundle with ${name.replace(/-/g, ' ')} fails the build and loses nothing`, async () => {
    test.setTimeout(150_000);
    const content = brokenBundle(name, breakIt);
    const dist = path.join(work, name, 'dist');
    fs.mkdirSync(dist, { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), 'the site from the last good build');

    const result = trunkBuild(content, dist);
    const output = result.stdout + result.stderr;
    expect(result.status, output).not.toBe(0);
    expect(output).toMatch(message);
    expect(output).toContain('Nội dung không hợp lệ');
    // Nothing half-written: no staging folder, and the last good site untouched.
    expect(fs.readdirSync(dist)).toEqual(['index.html']);
    expect(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('the site from the last good build');
  });
}

function edit(dir: string, file: string, change: (json: any) => any) {
  const target = path.join(dir, file);
  fs.writeFileSync(target, JSON.stringify(change(JSON.parse(fs.readFileSync(target, 'utf8'))), null, 2));
}
