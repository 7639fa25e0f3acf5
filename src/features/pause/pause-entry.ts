// The "Before you text them" tool's only module: hydrates its island on Right now (see hydrate.ts).
import { hydrateIsland } from '../../kit/hydrate';
import PauseIslandRoot from './PauseIslandRoot';

hydrateIsland(PauseIslandRoot, 'pause');
