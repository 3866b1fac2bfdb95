// One server call at a time: every control is disabled and the status shows a spinner until the
// server answers; the answer (or the Russian error) replaces the spinner.
import { showStatus } from '../common/status';

let running = false;

/**
 * Runs `task` with the page locked. Resolves to the task's value, or undefined after showing its error.
 * @param message what the spinner says while waiting
 */
export async function withBusy<T>(message: string, task: () => Promise<T>): Promise<T | undefined> {
  if (running) return undefined;
  running = true;
  const controls = Array.from(
    document.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLInputElement | HTMLTextAreaElement>(
      'button, select, input, textarea',
    ),
  );
  const wasDisabled = controls.map((c) => c.disabled);
  for (const c of controls) c.disabled = true;
  document.body.setAttribute('aria-busy', 'true');
  showStatus(message, 'busy');
  try {
    const value = await task();
    showStatus('', 'info');
    return value;
  } catch (err) {
    showStatus(err instanceof Error ? err.message : String(err), 'error');
    return undefined;
  } finally {
    controls.forEach((c, i) => {
      c.disabled = wasDisabled[i] ?? false;
    });
    document.body.removeAttribute('aria-busy');
    running = false;
  }
}
