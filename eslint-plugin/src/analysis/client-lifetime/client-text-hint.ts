/**
 * What a module must import before the client questions parse it: a package
 * whose exports build, configure or install a connection-owning client (pool owners, thin wrapper
 * factories, aws-sdk v2, Azure and other shared-transport SDK clients, client holders, process-wide dispatchers and agents),
 * or of a configured pool constructor. A module that imports none of them — nor do the project
 * modules it imports, a few deep — cannot build a client on a call, so it is never parsed for that.
 */
import type { ExportSpec } from '../imports/export-spec';
import { importsPackageOf } from '../imports/package-mentions';
import { AWS_SDK_V2_CLIENTS } from '../libraries/aws-sdk-v2';
import { AZURE_SDK_CLIENT_FACTORIES, AZURE_SDK_CLIENTS } from '../libraries/azure-sdk';
import { CLIENT_HOLDER_FACTORIES } from '../libraries/client-wrappers';
import { GLOBAL_AGENT_PROPERTIES, GLOBAL_DISPATCHER_SETTERS } from '../libraries/process-wide-clients';
import { THIN_WRAPPER_FACTORIES } from '../libraries/thin-wrappers';
import { POOL_OWNER_FACTORIES } from '../libraries/pool-owners';
import { SHARED_TRANSPORT_SDKS } from '../libraries/shared-transport-sdks';
import type { TextHint } from '../modules';

const CLIENT_PACKAGES: readonly ExportSpec[] = [
  ...AWS_SDK_V2_CLIENTS,
  ...AZURE_SDK_CLIENTS,
  ...AZURE_SDK_CLIENT_FACTORIES,
  ...CLIENT_HOLDER_FACTORIES,
  ...GLOBAL_AGENT_PROPERTIES,
  ...GLOBAL_DISPATCHER_SETTERS,
  ...THIN_WRAPPER_FACTORIES,
  ...POOL_OWNER_FACTORIES,
  ...SHARED_TRANSPORT_SDKS.flatMap(({ clients, factories }) => [clients, factories].filter((spec) => spec !== undefined)),
];

const hints = new Map<string, TextHint>();

/** The hint for pool owners `poolOwners` (built-in plus configured), identified by `ownersKey`. */
export function clientTextHint(poolOwners: readonly ExportSpec[], ownersKey: string): TextHint {
  let hint = hints.get(ownersKey);
  if (!hint) {
    const specs = [...CLIENT_PACKAGES, ...poolOwners];
    hint = { key: `client-lifetime/${ownersKey}`, mentions: (_text, specifiers) => importsPackageOf(specifiers, specs) };
    hints.set(ownersKey, hint);
  }
  return hint;
}
