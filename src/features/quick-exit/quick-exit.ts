/**
 * Quick exit, after GOV.UK Frontend's "Exit this page": a click on the exit link, or Shift pressed three
 * times in a row, blanks the page and replaces it with a neutral site. `location.replace` takes this page
 * out of the tab's history, so Back does not bring it back (earlier pages stay; the note beside the link
 * says so). Shift only counts on its own: a Shift that made a capital letter, or any other key, starts the
 * count again, and so do five seconds without a press. Nothing is fetched from the neutral site until the
 * reader leaves; without JavaScript the link is an ordinary link to it.
 */

/** Shift presses that leave the page. */
const PRESSES = 3;
/** How long the count waits for the next Shift, in ms (GOV.UK's choice). */
const WAIT_MS = 5000;

/** Wires the exit link and the Shift shortcut for the page. */
export function setUpQuickExit(link: HTMLAnchorElement): void {
  const leave = (): void => {
    // Blank the page at once, so nothing stays on screen while the other site loads.
    document.body.replaceChildren();
    location.replace(link.href);
  };
  link.addEventListener('click', (event) => {
    event.preventDefault();
    leave();
  });
  let presses = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Whether the last key went with Shift held: the Shift keyup that follows a capital letter is not a press.
  let wasModified = false;
  addEventListener(
    'keyup',
    (event) => {
      clearTimeout(timer);
      if (event.key !== 'Shift' || wasModified) presses = 0;
      else if (++presses >= PRESSES) leave();
      else timer = setTimeout(() => (presses = 0), WAIT_MS);
      wasModified = event.shiftKey;
    },
    true,
  );
}
