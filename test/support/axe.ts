/** Loads axe-core into the test page once and checks an element for accessibility violations. */
interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
}
type Axe = { run(context: Element, options?: object): Promise<AxeResult> };

let loading: Promise<void> | null = null;

export async function axeViolations(element: Element): Promise<string[]> {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
  await loading;
  const axe = (window as unknown as { axe: Axe }).axe;
  const result = await axe.run(element, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}
