export function unsupportedNodeMessage(version: string, range: string): string | null;
