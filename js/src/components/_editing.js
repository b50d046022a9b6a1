// @ts-check
/**
 * Text fields that commit later (on Enter or blur): the kernel's value is shown unless
 * the user has an edit in progress, which is never overwritten, and what the kernel
 * sets is never sent back.
 */

/**
 * @param {HTMLInputElement | HTMLTextAreaElement} field
 */
export function draft(field) {
  let shown = field.value; // the text of the last value known to the kernel
  return {
    /** The user has typed something the kernel has not seen. */
    dirty: () => field.value !== shown,
    /** The kernel's value as text: shown now unless an edit is in progress. */
    show(/** @type {string} */ text) {
      if (field.value === shown && field.value !== text) field.value = text;
      shown = text;
    },
    /** The field's text was sent (or reverted): it is the known value now. */
    settle(/** @type {string} */ text) {
      if (field.value !== text) field.value = text;
      shown = text;
    },
    shown: () => shown,
  };
}

/** "Press Enter to apply", shown inside a field while it has an unsent edit. */
export function isMac() {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || "");
}
