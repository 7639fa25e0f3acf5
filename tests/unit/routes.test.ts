import { describe, expect, it } from 'vitest';
import { ASSETS, PAGE_TYPES, ROUTES, findPageType, findRoute, href } from '../../src/routes';

describe('ROUTES', () => {
  it.each([
    // Literal addresses.
    ['home', undefined, undefined, '/'],
    ['guideAll', undefined, undefined, '/guide/all/'],
    // Placeholders filled in.
    ['quiz', { id: 'anger' }, undefined, '/quizzes/anger/'],
    ['section', { slug: 'turning-rage-into-fuel' }, undefined, '/guide/turning-rage-into-fuel/'],
    // A heading anchor.
    ['section', { slug: 'turning-rage-into-fuel' }, 'the-pull-of-revenge', '/guide/turning-rage-into-fuel/#the-pull-of-revenge'],
    ['help', undefined, 'if-the-relationship-was-abusive', '/help/#if-the-relationship-was-abusive'],
  ] as const)('%s with %j and anchor %s is %s', (name, params, anchor, path) => {
    expect((ROUTES[name].path as (params?: object, anchor?: string) => string)(params, anchor)).toBe(path);
    expect(href(name, params, anchor)).toBe(path);
  });

  it('refuses to build an address with a placeholder left empty', () => {
    expect(() => (ROUTES.quiz.path as () => string)()).toThrow(/needs a value for :id/);
  });

  it.each([
    ['/', 'home'],
    ['/guide/', 'guide'],
    // The one-page guide is not a section, though it has the shape of one.
    ['/guide/all/', 'guideAll'],
    ['/guide/turning-rage-into-fuel/', 'section'],
    ['/quizzes/anger/', 'quiz'],
    ['/topics/self-worth/', 'topic'],
    // Addresses the site does not have.
    ['/guide/turning-rage-into-fuel', null],
    ['/guide/a/b/', null],
    ['/quizzes/Anger/', null],
    ['/nowhere/', null],
  ])('finds the route of %s: %s', (path, name) => {
    expect(findRoute(path)).toBe(name);
  });

  it('puts home, offline and the pages for the worst moments in the core of the precache', () => {
    const core = Object.entries(ROUTES)
      .filter(([, route]) => route.precache === 'core')
      .map(([name]) => name);
    expect(core).toEqual(['home', 'help', 'rightNow', 'abuse', 'offline']);
  });

  it('keeps every asset root-relative', () => {
    for (const path of Object.values(ASSETS)) expect(path.startsWith('/')).toBe(true);
  });
});

describe('PAGE_TYPES', () => {
  it('names only routes that exist, each in one type at most', () => {
    const named = PAGE_TYPES.flatMap((type) => type.routes);
    expect(named.filter((name) => !(name in ROUTES))).toEqual([]);
    expect(new Set(named).size).toBe(named.length);
  });

  it.each([
    ['/guide/turning-rage-into-fuel/', 'section'],
    ['/guide/all/', 'guide-all'],
    ['/quizzes/anger/', 'quiz'],
    // A page with no type of its own.
    ['/about/', null],
  ])('types %s as %s', (path, id) => {
    expect(findPageType(path)?.id ?? null).toBe(id);
  });
});
