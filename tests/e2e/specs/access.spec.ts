// Reading and access for every resident: WCAG 2.2 AA by axe-core, keyboard, text size, share,
// print, the photo viewer, listening, and the dark theme.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, Page } from './fixtures';
import { SEED_CAPTIONS, SEED_SLUG, SEED_TITLE, SITES } from '../sites';
import { appStarted } from './helpers';

const seed = SITES.seedWith404.url;
const articleUrl = seed + `bai-viet/${SEED_SLUG}/`;
const canonical = `https://sokhcn.cantho.gov.vn/bai-viet/${SEED_SLUG}/`;

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe-core, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const [name, path] of [
      ['listing', ''],
      ['article', `bai-viet/${SEED_SLUG}/`],
      ['not-found page', 'khong-co-trang-nay/'],
      ['search results', 'tim-kiem/?q=co+do'],
      ['category', 'chuyen-muc/thong-bao/'],
      ['contact page, with its table', 'lien-he/'],
      ['English section', 'en/'],
      ['English contact page', 'en/contact/'],
    ]) {
      test(`no violations on the ${name}`, async ({ page }) => {
        await page.goto(seed + path);
        await appStarted(page);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        if (name === 'search results') await expect(page.locator('.result')).toHaveCount(1);
        expect(await axe(page)).toEqual([]);
      });
    }

    test('no violations with the photo viewer open', async ({ page }) => {
      await page.goto(articleUrl);
      await appStarted(page);
      await page.locator('.figure__link').first().click();
      await expect(page.locator('dialog.viewer')).toBeVisible();
      expect(await axe(page)).toEqual([]);
    });
  });
}

test('keyboard only: skip link, menu, an article, the photo viewer, and focus back on the photo', async ({ page }) => {
  await page.goto(seed);
  await appStarted(page);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Bỏ qua điều hướng');
  // The skip link moves focus past the header: the next Tab is in the content.
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  await page.goto(seed);
  await appStarted(page);
  await page.keyboard.press('Tab');
  // Onwards to the menu, then to the first article.
  const order: string[] = [];
  for (let i = 0; i < 15 && !order.includes('article'); i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(() => {
        const el = document.activeElement!;
        if (el.closest('.site-nav')) return 'menu';
        if (el.closest('.card')) return 'article';
        return 'other';
      }),
    );
  }
  expect(order.indexOf('menu')).toBeGreaterThan(-1);
  expect(order.indexOf('menu')).toBeLessThan(order.indexOf('article'));
  await expect(page.locator(':focus')).toHaveText(SEED_TITLE);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  // The new page's content has the focus, so a screen reader notices the change.
  await expect(page.locator('main')).toBeFocused();

  // To the first photo, and open it.
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate(() => document.activeElement?.classList.contains('figure__link'))) break;
    await page.keyboard.press('Tab');
  }
  await expect(page.locator(':focus')).toHaveClass(/figure__link/);
  await page.keyboard.press('Enter');
  const viewer = page.locator('dialog.viewer');
  await expect(viewer).toBeVisible();
  await expect(viewer.locator('.viewer__counter')).toHaveText('1 / 5');
  await expect(viewer.locator('figcaption')).toHaveText(SEED_CAPTIONS[0]);
  await page.keyboard.press('ArrowRight');
  await expect(viewer.locator('.viewer__counter')).toHaveText('2 / 5');
  await expect(viewer.locator('figcaption')).toHaveText(SEED_CAPTIONS[1]);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(viewer.locator('.viewer__counter')).toHaveText('5 / 5');
  // Focus stays inside while it is open.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press(i % 3 ? 'Tab' : 'Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog.viewer'))).toBe(true);
  }
  // The buttons work from the keyboard too.
  await viewer.getByRole('button', { name: 'Ảnh sau' }).focus();
  await page.keyboard.press('Enter');
  await expect(viewer.locator('.viewer__counter')).toHaveText('1 / 5');
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  await expect(page.locator(':focus')).toHaveClass(/figure__link/);
  expect(await page.locator(':focus img').getAttribute('alt')).toBe(SEED_CAPTIONS[0]);
  await expect(page).toHaveURL(articleUrl);
});

test('the Back button closes the photo viewer without leaving the article', async ({ page }) => {
  await page.goto(seed);
  await appStarted(page);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  await page.locator('.figure__link').nth(2).click();
  await expect(page.locator('.viewer__counter')).toHaveText('3 / 5');
  await page.goBack();
  await expect(page.locator('dialog.viewer')).toHaveCount(0);
  await expect(page).toHaveURL(articleUrl);
  await expect(page.locator('h1')).toHaveText(SEED_TITLE);
  // The close button, then Back, leads to the listing as usual.
  await page.locator('.figure__link').first().click();
  await page.getByRole('button', { name: 'Đóng ảnh' }).click();
  await expect(page.locator('dialog.viewer')).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(seed);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('a swipe steps through the photos', async ({ page }) => {
    await page.goto(articleUrl);
    await appStarted(page);
    await page.locator('.figure__link').first().tap();
    const viewer = page.locator('dialog.viewer');
    await expect(viewer.locator('.viewer__counter')).toHaveText('1 / 5');
    const swipe = (from: number, to: number) =>
      viewer.evaluate((el, [from, to]) => {
        const touch = (x: number) => new Touch({ identifier: 1, target: el, clientX: x, clientY: 300 });
        el.dispatchEvent(new TouchEvent('touchstart', { changedTouches: [touch(from)], bubbles: true }));
        el.dispatchEvent(new TouchEvent('touchend', { changedTouches: [touch(to)], bubbles: true }));
      }, [from, to]);
    await swipe(300, 60);
    await expect(viewer.locator('.viewer__counter')).toHaveText('2 / 5');
    await swipe(60, 300);
    await expect(viewer.locator('.viewer__counter')).toHaveText('1 / 5');
  });
});

test('text size applies site-wide and persists across a reload', async ({ page }) => {
  await page.goto(articleUrl);
  await appStarted(page);
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await rootSize();
  await page.getByRole('button', { name: 'A+ Tăng cỡ chữ' }).click();
  await page.getByRole('button', { name: 'A+ Tăng cỡ chữ' }).click();
  await expect(page.locator('.tools__size')).toContainText('130 %');
  expect(await rootSize()).toBeCloseTo(before * 1.3, 1);
  await page.reload();
  await appStarted(page);
  expect(await rootSize()).toBeCloseTo(before * 1.3, 1);
  await expect(page.locator('.tools__size')).toContainText('130 %');
  await page.goto(seed); // another page, same size
  expect(await rootSize()).toBeCloseTo(before * 1.3, 1);
  await page.goto(articleUrl);
  await appStarted(page);
  for (let i = 0; i < 6; i++) {
    const smaller = page.getByRole('button', { name: 'A− Giảm cỡ chữ' });
    if (await smaller.isDisabled()) break;
    await smaller.click();
  }
  await expect(page.getByRole('button', { name: 'A− Giảm cỡ chữ' })).toBeDisabled();
  await expect(page.locator('.tools__size')).toContainText('90 %');
});

test('"Sao chép liên kết" puts the canonical URL on the clipboard and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: seed });
  await page.goto(articleUrl);
  await appStarted(page);
  await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã sao chép' })).toHaveText('Đã sao chép');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
  const facebook = page.getByRole('link', { name: /Facebook/ });
  await expect(facebook).toHaveAttribute('href', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(canonical)}`);
  await expect(page.getByRole('link', { name: /Zalo/ })).toHaveAttribute('href', /^https:\/\/sp\.zalo\.me\/share\?url=/);
});

test('"Chia sẻ" uses the Web Share API where the browser has it', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__shared = [];
    Object.defineProperty(navigator, 'share', { value: (data: any) => ((window as any).__shared.push(data), Promise.resolve()), configurable: true });
  });
  await page.goto(articleUrl);
  await appStarted(page);
  await page.getByRole('button', { name: 'Chia sẻ' }).click();
  expect(await page.evaluate(() => (window as any).__shared)).toEqual([{ title: SEED_TITLE, url: canonical }]);
});

test('printing shows the article with its address and the department, without navigation', async ({ page }) => {
  await page.goto(articleUrl);
  await appStarted(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Chuyên mục' })).toBeHidden();
  await expect(page.locator('.tools')).toBeHidden();
  await expect(page.locator('.site-search')).toBeHidden();
  await expect(page.locator('footer.site-footer')).toBeHidden();
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.article__meta time')).toBeVisible();
  await expect(page.locator('figcaption').first()).toBeVisible();
  await expect(page.locator('.article__signature')).toBeVisible();
  const source = page.locator('.article__source');
  await expect(source).toBeVisible();
  await expect(source).toContainText(canonical);
  await expect(source).toContainText('SỞ KHOA HỌC VÀ CÔNG NGHỆ THÀNH PHỐ CẦN THƠ');
  await page.emulateMedia({ media: 'screen' });
  await expect(source).toBeHidden();
});

function stubSpeech(page: Page, voices: { lang: string; name: string }[]) {
  return page.addInitScript((voices) => {
    const spoken: string[] = [];
    (window as any).__spoken = spoken;
    (window as any).__reading = [];
    const synthesis = {
      onvoiceschanged: null,
      getVoices: () => voices,
      speak(utterance: any) {
        spoken.push(utterance.text);
        setTimeout(() => {
          // Which paragraph is marked while this one is being spoken.
          (window as any).__reading.push(document.querySelector('.article__paragraph--reading')?.textContent?.slice(0, 20) ?? null);
          utterance.onend && utterance.onend(new Event('end'));
        }, 20);
      },
      pause() {},
      resume() {},
      cancel() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
    // The utterance, as Chromium's own would take a voice: headless Chromium has no voice to
    // give it, and its setter takes nothing else.
    (window as any).SpeechSynthesisUtterance = class {
      text: string;
      lang = '';
      voice: unknown = null;
      onend: ((e: Event) => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    };
  }, voices);
}

test('"Nghe bài" reads the paragraphs in order with a Vietnamese voice, marking each', async ({ page }) => {
  await stubSpeech(page, [{ lang: 'en-US', name: 'English' }, { lang: 'vi-VN', name: 'Tiếng Việt' }]);
  await page.goto(articleUrl);
  await appStarted(page);
  await page.getByRole('button', { name: 'Nghe bài' }).click();
  const paragraphs = await page.locator('.article__body > p').allTextContents();
  // All three spoken and finished (each records its mark just before it ends).
  await expect.poll(() => page.evaluate(() => (window as any).__reading.length)).toBe(3);
  expect(await page.evaluate(() => (window as any).__spoken)).toEqual(paragraphs);
  // Each paragraph was marked while it was spoken.
  expect(await page.evaluate(() => (window as any).__reading)).toEqual(paragraphs.map((p) => p.slice(0, 20)));
  await expect(page.getByRole('button', { name: 'Nghe bài' })).toBeVisible();
  await expect(page.locator('.article__paragraph--reading')).toHaveCount(0);
});

test('"Nghe bài" is absent without a Vietnamese voice', async ({ page }) => {
  await stubSpeech(page, [{ lang: 'en-US', name: 'English' }]);
  await page.goto(articleUrl);
  await appStarted(page);
  await expect(page.getByRole('button', { name: 'In bài' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nghe bài' })).toHaveCount(0);
});

test('the dark theme follows the system, and the reader\'s choice is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(seed);
  await appStarted(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const toggle = page.getByRole('button', { name: 'Giao diện tối' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await appStarted(page);
  await expect(page.getByRole('button', { name: 'Giao diện tối' })).toHaveAttribute('aria-pressed', 'false');
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(255, 255, 255)');
});

test('the style guide shows every component in both themes', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (/\.(wasm|js)$/.test(r.url())) scripts.push(r.url());
  });
  await page.goto(seed + 'mau-giao-dien/');
  // A static page: it has no loader, so the app is never downloaded (by `load`, everything the
  // page asks for has been asked for).
  expect(await page.locator('script[type="module"], script[src]').count()).toBe(0);
  expect(scripts).toEqual([]);
  await expect(page.locator('html')).not.toHaveAttribute('data-app');
  await expect(page.locator('.styleguide > h1')).toHaveText('Mẫu giao diện');
  for (const theme of ['light', 'dark']) {
    const panel = page.locator(`.styleguide__theme[data-theme="${theme}"]`);
    await expect(panel.locator('.styleguide__swatch')).toHaveCount(22);
    for (const part of ['.site-header', '.site-footer', '.card', '.figure', '.pagination', '.button', '.notice--error', '.skeleton', '.notice--not-found']) {
      await expect(panel.locator(part).first()).toBeVisible();
    }
  }
  const light = await page.locator('.styleguide__theme[data-theme="light"]').evaluate((el) => getComputedStyle(el).backgroundColor);
  const dark = await page.locator('.styleguide__theme[data-theme="dark"]').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(light).not.toBe(dark);
  // Not in the navigation.
  await expect(page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: /Mẫu giao diện/ })).toHaveCount(0);
});
