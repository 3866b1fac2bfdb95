// Which build this bundle is: `bound` (dist/, container-bound script) or `addon` (dist-addon/,
// editor add-on); set by scripts/build.ts through esbuild's `define`.
declare const DEPLOYMENT_TARGET: string | undefined;

export type DeploymentTarget = 'bound' | 'addon';

/** The deployment target this bundle was built for. */
export function deploymentTarget(): DeploymentTarget {
  return typeof DEPLOYMENT_TARGET !== 'undefined' && DEPLOYMENT_TARGET === 'addon' ? 'addon' : 'bound';
}
