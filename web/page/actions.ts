/** A form that makes one command: checked, sent, and answered in the form's own alert and status. */
import { errorText, isShown } from './api.js'
import { formFields, say } from './dom.js'

/**
 * On submit: `run` builds the command's input from the fields (refusing it as the CLI would),
 * sends it and returns what to say when done. Its error is shown in the form's `.error` alert, in
 * the page's language; focus stays in the form, so the member corrects it with the keyboard.
 */
export function wireForm (form: HTMLFormElement, run: (fields: Record<string, string>) => Promise<string>, after?: () => void): void {
  form.addEventListener('submit', event => {
    event.preventDefault()
    void submit(form, run, after)
  })
}

async function submit (form: HTMLFormElement, run: (fields: Record<string, string>) => Promise<string>, after?: () => void): Promise<void> {
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')
  const error = form.querySelector<HTMLElement>('.error')
  const done = form.querySelector<HTMLElement>('.done')
  if (button !== null) button.disabled = true
  if (error !== null) say(error, null)
  if (done !== null) say(done, null)
  try {
    const text = await run(formFields(form))
    if (done !== null) say(done, text)
    after?.()
  } catch (err) {
    if (!isShown(err)) throw err
    if (error !== null) say(error, errorText(err))
  } finally {
    if (button !== null) button.disabled = false
  }
}

/** A button that makes one command, answered in the given alert and status paragraphs. */
export async function runButton (button: HTMLButtonElement, error: HTMLElement, done: HTMLElement | null, run: () => Promise<string>): Promise<void> {
  button.disabled = true
  say(error, null)
  if (done !== null) say(done, null)
  try {
    const text = await run()
    if (done !== null) say(done, text)
  } catch (err) {
    if (!isShown(err)) throw err
    say(error, errorText(err))
  } finally {
    button.disabled = false
  }
}
