/**
 * How a statement is keyed: which way agreeing moves its subscale, and whether and which way it moves the
 * total. The data says, per statement, whether agreeing means more or less of what its subscale names; per
 * subscale, whether more of that is the harder or the healthier end; and per quiz, which end a high total is.
 * The total sums the subscales that run the quiz's way; a subscale that runs the other way ("Anger as fuel"
 * in a quiz whose high end is the hard one) is shown on its own, because folding it in would let a total,
 * and the band words that go with it, say the opposite of that subscale's bar. Everything else follows here,
 * in one place, for the schema and the engine alike. Structural types only, so the schema can use this
 * module without importing itself back.
 */

/** Which end a high number is. */
export type Polarity = 'higher-is-harder' | 'higher-is-healthier';

/** What keying needs to know about a statement. */
export interface KeyedStatement {
  safety?: boolean | undefined;
  subscale?: string | undefined;
  agreeing?: 'more' | 'less' | undefined;
}

/** A statement that counts towards a subscale and the total (every statement but a safety flag). */
export type ScoredStatement<Item extends KeyedStatement> = Item & { subscale: string; agreeing: 'more' | 'less' };

/** Whether a statement is scored: it has a subscale and a key, and is not a safety flag. */
export function isScored<Item extends KeyedStatement>(item: Item): item is ScoredStatement<Item> {
  return item.safety !== true && item.subscale !== undefined && item.agreeing !== undefined;
}

/** The 1-5 points an answer gives towards "more of what the subscale names": the answer, or 6 minus it. */
export function scoreForSubscale(agreeing: 'more' | 'less', value: number): number {
  return agreeing === 'more' ? value : 6 - value;
}

/** Whether a subscale counts towards the quiz total: it does when its high end is the quiz's high end. */
export function countsTowardTotal(subscalePolarity: Polarity, quizPolarity: Polarity): boolean {
  return subscalePolarity === quizPolarity;
}

/** How hard a subscale's number is to live with, 0-100 whatever its polarity: the number, or 100 minus it. */
export function measureHardness(normalized: number, polarity: Polarity): number {
  return polarity === 'higher-is-harder' ? normalized : 100 - normalized;
}
