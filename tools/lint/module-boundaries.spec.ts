import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** The Nx tags are only worth having if lint really refuses the wrong direction. */
describe('module boundaries', () => {
  const eslint = new ESLint({ cwd: root });
  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  };

  it('forbids the web app from importing server code', async () => {
    const messages = await lint('apps/web/src/app/boundary-probe.ts', "import { IdentityService } from '@aula/server/identity';\nexport const x = IdentityService;\n");
    expect(messages.join('\n')).toMatch(/scope:web/);
  });

  it('forbids contracts from importing anything of ours', async () => {
    const messages = await lint('libs/contracts/src/boundary-probe.ts', "import { AppConfig } from '@aula/server/core';\nexport const x = AppConfig;\n");
    expect(messages.length).toBeGreaterThan(0);
  });

  it('lets the API import domain libraries and contracts', async () => {
    const messages = await lint('apps/api/src/boundary-probe.ts', "import { IdentityService } from '@aula/server/identity';\nimport { ROLES } from '@aula/contracts';\nexport const x = [IdentityService, ROLES];\n");
    expect(messages).toEqual([]);
  });
});
