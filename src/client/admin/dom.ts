// Tiny DOM kit for the admin dialog: elements built from text nodes only (never innerHTML).

type Child = Node | string | null | undefined | false;

/** Creates `<tag>` with attributes and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** The element with `id` (the page is ours: a missing one is a programming error). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error('missing #' + id);
  return node as T;
}

/** Replaces an element's children. */
export function fill(node: Element, ...children: Child[]): void {
  node.replaceChildren();
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
}

/** Sets an element's text. */
export function setText(id: string, text: string): void {
  byId(id).textContent = text;
}
