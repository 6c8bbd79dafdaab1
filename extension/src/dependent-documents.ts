/**
 * The reverse of what each open document's latest lint used: module file → the open documents whose
 * findings depend on it. When a module changes (typed, saved, checked out), these documents are the
 * ones to lint again — without it they keep findings computed from the module's old text.
 */
export class DependentDocuments {
  /** document key → the modules its latest lint used */
  private readonly uses = new Map<string, ReadonlySet<string>>();
  /** module file → document keys */
  private readonly usedBy = new Map<string, Set<string>>();

  /** Replaces what `documentKey` depends on with the dependencies of its latest lint. */
  record(documentKey: string, dependencies: readonly string[]): void {
    this.forget(documentKey);
    if (dependencies.length === 0) return;
    const files = new Set(dependencies);
    this.uses.set(documentKey, files);
    for (const file of files) {
      let documents = this.usedBy.get(file);
      if (!documents) {
        documents = new Set();
        this.usedBy.set(file, documents);
      }
      documents.add(documentKey);
    }
  }

  /** The document was closed or is no longer linted. */
  forget(documentKey: string): void {
    const files = this.uses.get(documentKey);
    if (!files) return;
    this.uses.delete(documentKey);
    for (const file of files) {
      const documents = this.usedBy.get(file);
      documents?.delete(documentKey);
      if (documents?.size === 0) this.usedBy.delete(file);
    }
  }

  /** Open documents whose latest lint used any of `files`, in a stable order. */
  dependentsOf(files: Iterable<string>): string[] {
    const found = new Set<string>();
    for (const file of files) for (const documentKey of this.usedBy.get(file) ?? []) found.add(documentKey);
    return [...found].sort();
  }

  /** What `documentKey`'s latest lint used. */
  dependenciesOf(documentKey: string): string[] {
    return [...(this.uses.get(documentKey) ?? [])];
  }

  clear(): void {
    this.uses.clear();
    this.usedBy.clear();
  }
}
