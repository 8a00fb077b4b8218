import { expect, test } from '@playwright/test';

test('the server reports itself ready to a browser', async ({ page }) => {
  const response = await page.goto('/readyz');
  expect(response?.status()).toBe(200);
  expect(JSON.parse((await page.locator('body').textContent()) ?? '')).toEqual({
    status: 'ready',
    database: 'ok',
    jobs: 'ok',
  });
});

test('demo product images render in Chromium', async ({ page }) => {
  await page.goto('/healthz');
  await page.setContent(
    `<img id="picture" src="${new URL('/demo/images/alpine-down-jacket.svg', page.url())}" width="300" height="300">`,
  );
  const size = await page.locator('#picture').evaluate(async (image: HTMLImageElement) => {
    await image.decode();
    return { width: image.naturalWidth, height: image.naturalHeight };
  });
  expect(size).toEqual({ width: 600, height: 600 });
});
