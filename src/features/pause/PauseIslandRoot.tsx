import PauseIsland from './PauseIsland';
import { renderPassages, type PassageHtml } from '../../kit/passages';
import type { PauseCopy } from './pause-copy';

/** What the Right now page serializes for the tool's island. */
export interface PauseIslandRootProps {
  copy: PauseCopy;
  passages: PassageHtml;
}

/** The "Before you text them" island as the page renders and hydrates it. */
export default function PauseIslandRoot({ copy, passages }: PauseIslandRootProps) {
  return <PauseIsland copy={copy} {...renderPassages(passages)} />;
}
