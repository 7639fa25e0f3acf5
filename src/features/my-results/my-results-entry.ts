// The My results page's only module: hydrates its island (see hydrate.ts).
import { hydrateIsland } from '../../kit/hydrate';
import MyResultsIslandRoot from './MyResultsIslandRoot';

hydrateIsland(MyResultsIslandRoot, 'my-results');
