/** Types of provision.mjs for the TypeScript that imports it (its spec). */
export type Stage = 'static' | 'jest' | 'e2e' | 'start';
export interface ServiceUrls {
  DATABASE_URL: string;
  REDIS_URL: string;
}
export interface Need {
  pkg: string;
  stages: Stage[];
  server?: boolean;
  present(urls: ServiceUrls): boolean | Promise<boolean>;
}
export declare const NEEDS: Need[];
export declare function chromiumPath(): string;
export declare function missingNeeds(
  stages: Stage[],
  urls: ServiceUrls,
  options?: { present?: (need: Need, urls: ServiceUrls) => boolean | Promise<boolean> },
): Promise<Need[]>;
export declare function installMessage(packages: string[], command?: string): string;
export declare function provision(
  stages: Stage[],
  urls: ServiceUrls,
  options?: {
    log?: (line: string) => void;
    isRoot?: boolean;
    present?: (need: Need, urls: ServiceUrls) => boolean | Promise<boolean>;
    install?: (packages: string[], options: { recommends: boolean }) => Promise<void>;
    canInstall?: () => boolean;
    /** What to run again, in the message for someone who is not root (default npm test). */
    command?: string;
  },
): Promise<string[]>;
