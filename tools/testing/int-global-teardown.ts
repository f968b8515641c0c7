const state = globalThis as typeof globalThis & { __aulaTeardown?: () => Promise<void> };

export default async function teardown(): Promise<void> {
  await state.__aulaTeardown?.();
}
