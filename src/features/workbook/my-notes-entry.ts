// The My notes page's only module: hydrates its island (see kit/hydrate.ts).
import { hydrateIsland } from '../../kit/hydrate';
import { MyNotesIslandRoot } from './MyNotesIsland';

hydrateIsland(MyNotesIslandRoot, 'my-notes');
