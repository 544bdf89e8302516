/** Building the page: every text from the ledger goes in as a text node, never as HTML (other
 * members write it). */
type Child = Node | string | number | null | undefined | false
type Attrs = Record<string, string | number | boolean | null | undefined>

export function el<K extends keyof HTMLElementTagNameMap> (tag: K, attrs: Attrs = {}, ...children: Array<Child | Child[]>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue
    if (k === 'class') node.className = String(v)
    else if (k === 'text') node.textContent = String(v)
    else node.setAttribute(k, v === true ? '' : String(v))
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue
    node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c)
  }
  return node
}

/** The element with this id (the page's own markup: its absence is a fault). */
export function byId<T extends HTMLElement = HTMLElement> (id: string): T {
  const node = document.getElementById(id)
  if (node === null) throw new Error(`#${id} is missing from the page`)
  return node as T
}

/** Show a message in a status or alert paragraph, or hide it (null). */
export function say (node: HTMLElement, text: string | null): void {
  node.hidden = text === null
  node.textContent = text ?? ''
}

/** A form's fields as text: name → value (checkboxes: "on" when ticked). */
export function formFields (form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of new FormData(form)) if (typeof v === 'string') out[k] = v
  return out
}
