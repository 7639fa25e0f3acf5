import { describe, expect, it } from 'vitest';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';
import { SUBMIT, answerByClicking, extremeAnswers, readQuizzes } from './quiz-page.ts';

// The quiz on a phone (390 × 844 CSS px): the whole form within a few screens, options as 44 px targets in
// one row, statements inside their cards, a short error summary in view, and "what changed" in words.

const site = useSiteBrowser();
const quizzes = readQuizzes();
const PHONE = { width: 390, height: 844 };
const MAX_FORM_HEIGHT = 2_600;
// A quarter of the phone screen.
const MAX_SUMMARY_HEIGHT = 211;

describe.each(quizzes.map((quiz) => [quiz.id, quiz] as const))('the %s quiz on a 390 × 844 phone', (_id, quiz) => {
  it(`fits its form in ${MAX_FORM_HEIGHT} px, with one row of 44 px options per statement, inside its card`, async () => {
    const context = await site.newContext({ viewport: PHONE, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(quiz.path);
      await settle(page);
      const layout = await page.evaluate(() => {
        const form = document.querySelector('form.quiz-form')!;
        const cards = [...form.querySelectorAll('fieldset.question')].map((fieldset) => {
          const card = fieldset.getBoundingClientRect();
          const legend = fieldset.querySelector('legend')!.getBoundingClientRect();
          const options = [...fieldset.querySelectorAll('label.option')].map((label) => label.getBoundingClientRect());
          const radios = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
          return {
            id: fieldset.id,
            isLegendInside: legend.top >= card.top && legend.bottom <= card.bottom,
            rows: new Set(options.map((box) => Math.round(box.top))).size,
            smallest: Math.min(...options.flatMap((box) => [box.width, box.height])),
            names: radios.map((radio) => radio.labels?.[0]?.textContent?.trim()),
          };
        });
        return { height: form.getBoundingClientRect().height, cards };
      });
      expect(layout.height).toBeLessThanOrEqual(MAX_FORM_HEIGHT);
      expectNoProblems(
        layout.cards.flatMap((card) => [
          ...(card.isLegendInside ? [] : [`${card.id}: the statement sits across its card's border`]),
          ...(card.rows === 1 ? [] : [`${card.id}: options on ${card.rows} rows`]),
          ...(card.smallest >= 44 ? [] : [`${card.id}: an option target is ${card.smallest.toFixed(1)} px`]),
          ...(card.names.join('|') === quiz.definition.scale.join('|') ? [] : [`${card.id}: radio names ${card.names.join(', ')}`]),
        ]),
      );
      // The accessible name of each radio is the full option text, though only the ends show on a phone.
      const first = quiz.items[0]!.id;
      for (const [index, label] of quiz.definition.scale.entries()) {
        expect(await page.getByRole('radio', { name: label, exact: true }).nth(0).getAttribute('id')).toBe(`q-${first}-${index + 1}`);
      }
    } finally {
      await context.close();
    }
  });

  it('after a submit with nothing answered, shows a short summary whose heading is in view and focused', async () => {
    const context = await site.newContext({ viewport: PHONE, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(quiz.path);
      await settle(page);
      await page.locator(SUBMIT).click();
      await page.waitForSelector('#error-summary');
      // The page scrolls smoothly up to the summary (unless the reader asked for reduced motion).
      await expect
        .poll(() => page.evaluate(() => document.querySelector('#error-summary h2')!.getBoundingClientRect().top))
        .toBeGreaterThanOrEqual(0);
      const summary = await page.evaluate(() => {
        const element = document.getElementById('error-summary')!;
        const box = element.getBoundingClientRect();
        const heading = element.querySelector('h2')!.getBoundingClientRect();
        return {
          height: box.height,
          headingTop: heading.top,
          headingBottom: heading.bottom,
          isFocused: document.activeElement === element,
          heading: element.querySelector('h2')!.textContent,
          links: [...element.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]),
        };
      });
      expect(summary.height).toBeLessThanOrEqual(MAX_SUMMARY_HEIGHT);
      expect(summary.headingTop).toBeGreaterThanOrEqual(0);
      expect(summary.headingBottom).toBeLessThanOrEqual(PHONE.height);
      expect(summary.isFocused).toBe(true);
      expect(summary.heading).toBe(`${quiz.items.length} statements still need an answer`);
      expect(summary.links[0]).toEqual(['Go to statement 1', `#q-${quiz.items[0]!.id}`]);
      expect(summary.links.slice(1).map(([text]) => text)).toEqual(quiz.items.slice(1).map((_, index) => `Statement ${index + 2}`));

      // The first link takes focus to the first statement's options.
      await page.getByRole('link', { name: 'Go to statement 1' }).click();
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(`q-${quiz.items[0]!.id}`);
    } finally {
      await context.close();
    }
  });
});

describe('a quiz taken twice', () => {
  const quiz = quizzes.find((candidate) => candidate.id === 'anger') ?? quizzes[0]!;

  it('says what changed since the last saved result, with its date, in words and numbers', async () => {
    const context = await site.newContext({ viewport: PHONE, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(quiz.path);
      await settle(page);
      await answerByClicking(page, quiz, extremeAnswers(quiz, 'high'));
      await page.locator(SUBMIT).click();
      await page.waitForSelector('#result-heading');
      expect(await page.locator('.comparison').count()).toBe(0);

      await page.getByRole('button', { name: 'Take it again', exact: true }).click();
      await answerByClicking(page, quiz, extremeAnswers(quiz, 'low'));
      await page.locator(SUBMIT).click();
      await page.waitForSelector('.comparison');
      const today = await page.evaluate(() => new Date().toLocaleDateString(undefined, { dateStyle: 'medium' }));
      expect(await page.locator('#comparison-heading').textContent()).toBe(`Since your last result, on ${today}`);
      const lines = await page.locator('.comparison li').allTextContents();
      expect(lines).toEqual([
        'Your score: 0 now, 100 last time. Down 100: it weighs on you less than last time.',
        'Replaying the breakup: 0 now, 100 last time. Down 100: less of this than last time.',
        'Revenge and lashing out: 0 now, 100 last time. Down 100: less of this than last time.',
        'Anger as fuel: 100 now, 0 last time. Up 100: more of this than last time.',
      ]);
      expect(await page.locator('.comparison a').getAttribute('href')).toBe('/my-results/');
    } finally {
      await context.close();
    }
  });
});

describe('a quiz without JavaScript', () => {
  it('says that scoring needs JavaScript and what the reader can do instead', async () => {
    const context = await site.newContext({ viewport: PHONE, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(quizzes[0]!.path);
      const notice = (await page.locator('.quiz-notice.needs-js').textContent()) ?? '';
      expect(notice).toMatch(/needs JavaScript/);
      expect(notice).toMatch(/guide sections listed below/);
      expect(notice).toMatch(/turn JavaScript on/);
      expect(notice).not.toMatch(/wakes up/);
    } finally {
      await context.close();
    }
  });
});
