// Every link on every page of the CI builds resolves: no broken internal link, no broken
// `srcset` candidate, no anchor to a missing id. linkinator (a maintained checker) crawls each
// build from every HTML file it holds, over its own local server; addresses outside the site
// (the production origin of canonical links, the national portals) are not fetched.
//
//   node tests/e2e/check-links.mjs            the four builds of build-sites.sh
//   node tests/e2e/check-links.mjs DIR [/base/]
import { check, LinkState } from 'linkinator';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');
const builds = process.argv[2]
  ? [{ name: process.argv[2], dir: path.resolve(process.argv[2]), base: process.argv[3] || '/' }]
  : [
      { name: 'seed', dir: path.join(repo, 'dist'), base: '/' },
      { name: 'portal', dir: path.join(repo, 'target/e2e-sites/portal'), base: '/' },
      { name: 'sub-path /tin-tuc/', dir: path.join(repo, 'target/e2e-sites/tin-tuc'), base: '/tin-tuc/' },
      { name: 'portal under /tin-tuc/', dir: path.join(repo, 'target/e2e-sites/portal-tin-tuc'), base: '/tin-tuc/' },
      { name: 'generated archive', dir: path.join(repo, 'target/e2e-sites/many'), base: '/' },
    ];

const htmlFiles = (dir) =>
  fs
    .readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith('.html') && !file.startsWith('quan-tri'));


let broken = 0;
for (const build of builds) {
  const result = await check({
    // Relative to serverRoot.
    path: htmlFiles(build.dir),
    serverRoot: build.dir,
    recurse: true,
    checkFragments: true,
    directoryListing: true,
    concurrency: 20,
    // Only the site itself: the local server linkinator starts.
    linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(link) && !link.startsWith('/'),
    // A build for a sub-path links below it; the local server serves the folder at its root.
    urlRewriteExpressions:
      build.base === '/' ? [] : [{ pattern: new RegExp(`(https?://[^/]+)${build.base}`), replacement: '$1/' }],
  });
  const links = result.links.filter((link) => link.state !== LinkState.SKIPPED);
  const bad = links.filter((link) => link.state === LinkState.BROKEN);
  broken += bad.length;
  console.log(`${build.name}: ${links.length} links checked on ${new Set(links.map((l) => l.parent)).size} pages, ${bad.length} broken`);
  for (const link of bad) console.log(`  BROKEN ${link.status ?? ''} ${link.url}  (on ${link.parent})`);
  // The hydration data each page names for its loader (`#khoi-dong`, a data block, not a link).
  let named = 0;
  for (const file of htmlFiles(build.dir)) {
    const block = /<script type="application\/json" id="khoi-dong">"([^"]+)"<\/script>/.exec(fs.readFileSync(path.join(build.dir, file), 'utf8'));
    if (!block) continue;
    named++;
    const target = path.join(build.dir, block[1].slice(build.base.length));
    if (!block[1].startsWith(build.base) || !fs.existsSync(target)) {
      broken++;
      console.log(`  BROKEN hydration data ${block[1]}  (on /${file})`);
    }
  }
  console.log(`${build.name}: the hydration data of ${named} pages is there`);
}
process.exit(broken ? 1 : 0);
