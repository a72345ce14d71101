// The background's long-lived services, replaceable in tests.
import { clientFromSettings } from './api';
import { createDirectoryService, indexedDbPersistence, type DirectoryService } from './directory';

let directory: DirectoryService | undefined;

export function directoryService(): DirectoryService {
  directory ??= createDirectoryService(indexedDbPersistence(), clientFromSettings);
  return directory;
}

export function useDirectoryService(service: DirectoryService): void {
  directory = service;
}
