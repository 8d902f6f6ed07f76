/** Define a custom element once; a second definition (two copies of the kit on a page) warns instead of throwing. */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, ctor);
  else if (existing !== ctor) console.warn(`arcsecond-widgets: <${tag}> is already defined; keeping the first definition.`);
}
