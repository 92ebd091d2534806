import { expect, lessonPath, test } from './fixtures';

test('the lesson reads fully with JavaScript off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(lessonPath('zh'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('什么是 MQ？');
  await expect(page.getByRole('region', { name: '30 秒面试回答' })).toContainText('消息中间件');
  await expect(page.locator('h2#three-products')).toBeVisible();
  await expect(page.locator('[data-kind]')).toHaveCount(5);
  await expect(page.getByRole('heading', { name: '参考资料' })).toBeVisible();
  await expect(page.getByTestId('verified')).toContainText('Kafka 4.1');
  // Deep dives and follow-up answers are <details>: they open without JavaScript.
  await page.getByText('面试官可能追问').scrollIntoViewIfNeeded();
  await page.getByText('MQ 和 RPC 有什么区别？').click();
  await expect(page.getByText('RPC 是同步的点对点调用')).toBeVisible();
  await context.close();
});

test('answering quiz items gives feedback, the explanation and a link to the section', async ({ page }) => {
  await page.goto(lessonPath('en'));
  const single = page.locator('[data-kind="single"]').first();
  await single.getByRole('button', { name: 'Check answer' }).click();
  await expect(single.getByRole('status')).toHaveText('Answer first.');
  await single.getByLabel('The consumer to finish processing and return a result').check();
  await single.getByRole('button', { name: 'Check answer' }).click();
  await expect(single.getByRole('status')).toContainText('Not quite.');
  await single.getByLabel(/The broker to confirm/).check();
  await single.getByRole('button', { name: 'Check answer' }).click();
  await expect(single.getByRole('status')).toContainText('Correct.');
  await expect(single.getByRole('status')).toContainText('Communication through an MQ is asynchronous');
  await single.getByRole('link', { name: 'Back to the lesson section' }).click();
  await expect(page).toHaveURL(/#definition$/);

  const tf = page.locator('[data-kind="truefalse"]');
  await tf.getByLabel('False').check();
  await tf.getByRole('button', { name: 'Check answer' }).click();
  await expect(tf.getByRole('status')).toContainText('Correct.');

  const multiple = page.locator('[data-kind="multiple"]');
  await multiple.getByLabel(/deleted once the consumer acks/).check();
  await multiple.getByRole('button', { name: 'Check answer' }).click();
  await expect(multiple.getByRole('status')).toContainText('Not quite.');
});

test('an ordering item can be solved with the keyboard alone', async ({ page }) => {
  await page.goto(lessonPath('en'));
  const item = page.locator('[data-kind="ordering"]');
  const correct = [
    'The producer publishes the message to an exchange',
    'The exchange routes the message to a queue by its bindings',
    'The broker delivers the message to a consumer of that queue',
    'The consumer finishes processing and sends an ack',
    'The broker deletes the message from the queue',
  ];
  const rows = item.locator('li span.flex-1');
  // Selection sort by "Move up" presses, keyboard only: focus the button, press Enter.
  for (let target = 0; target < correct.length; target++) {
    const current = await rows.allTextContents();
    let at = current.indexOf(correct[target]);
    while (at > target) {
      await item.getByRole('button', { name: `Move up: ${correct[target]}` }).focus();
      await page.keyboard.press('Enter');
      at--;
      // Focus stays on the moved item's control, so the next press moves it again.
      await expect(page.locator(':focus')).toHaveAttribute('aria-label', new RegExp(correct[target]));
    }
  }
  await expect(rows).toHaveText(correct);
  await item.getByRole('button', { name: 'Check answer' }).focus();
  await page.keyboard.press('Enter');
  await expect(item.getByRole('status')).toContainText('Correct.');
});

test('the quiz island is the only JavaScript a lesson page adds to the framework', async ({ request }) => {
  const scripts = async (path: string) => {
    const html = await (await request.get(path)).text();
    return new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]));
  };
  const home = await scripts('/zh/');
  const lesson = await scripts(lessonPath('zh'));
  const extra = [...lesson].filter((src) => !home.has(src));
  expect(extra).toHaveLength(1);
  const chunk = await (await request.get(extra[0])).text();
  expect(chunk).toContain('data-kind');
});
