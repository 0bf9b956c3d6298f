export declare const INSTALL_AND_TEST_NODE: string;
export declare const ELECTRON_TOOLCHAIN_NODE: string;
export declare function atLeast(version: string, minimum: string): boolean;
export declare function electronToolchainRefusal(version: string): string | null;
