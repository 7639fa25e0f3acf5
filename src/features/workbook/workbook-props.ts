/** What a reading page hands its "Try this" writer, as JSON in `#workbook-props` (WorkbookProps.astro). */
import type { Exercise } from './workbook';
import type { WriterCopy } from './workbook-copy';
import type { WriterLinks } from './NoteWriter';

export interface WorkbookPageProps {
  copy: WriterCopy;
  links: WriterLinks;
  /** The exercises of the page, by section id. */
  exercises: Exercise[];
}
