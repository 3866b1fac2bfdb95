// Browser entry of the google.script shim: reads window.__gasBridgeConfig and installs it.
import { installGoogleScriptShim, type ShimConfig } from './googleScriptShim';

const config = ((window as unknown as { __gasBridgeConfig?: ShimConfig }).__gasBridgeConfig ?? {}) as ShimConfig;
installGoogleScriptShim(config.call ?? '', config.close ?? '', config.multiLogin === true);
