// The search folds letters to what a reader types without diacritics (src/content/search.rs,
// with a table build.rs derives from unicode-normalization). Its native test checks that table
// against tests/fixtures/folding/latin-nfd.json; this test proves that file is Chromium's own
// answer: every letter of the Latin blocks decomposed with String.prototype.normalize('NFD'),
// its marks dropped, lowercased. UPDATE_FOLDING_ORACLE=1 writes the file anew.
import { expect, test } from './fixtures';
import fs from 'node:fs';
import path from 'node:path';

const oracle = path.resolve(__dirname, '../../fixtures/folding/latin-nfd.json');

test("the folding oracle is Chromium's own decomposition of every Latin letter", async ({ page }) => {
  const computed: Record<string, string> = await page.evaluate(() => {
    const blocks = [
      [0xc0, 0x24f], // Latin-1 Supplement, Latin Extended-A and -B
      [0x1e00, 0x1eff], // Latin Extended Additional: the Vietnamese letters with two marks
    ];
    const table: Record<string, string> = {};
    for (const [from, to] of blocks) {
      for (let code = from; code <= to; code++) {
        const letter = String.fromCodePoint(code);
        if (!/\p{L}/u.test(letter)) continue;
        table[letter] = letter.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      }
    }
    return table;
  });
  if (process.env.UPDATE_FOLDING_ORACLE) fs.writeFileSync(oracle, JSON.stringify(computed, null, 0).replace(/","/g, '",\n"') + '\n');
  const written = JSON.parse(fs.readFileSync(oracle, 'utf8'));
  expect(Object.keys(computed).length).toBeGreaterThan(600);
  expect(computed).toEqual(written);
});
