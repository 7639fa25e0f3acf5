// The quiz page's only module: hydrates the quiz island (see hydrate.ts).
import { hydrateIsland } from '../../kit/hydrate';
import QuizIslandRoot from './QuizIslandRoot';

hydrateIsland(QuizIslandRoot, 'quiz');
