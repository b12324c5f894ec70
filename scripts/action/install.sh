#!/usr/bin/env bash
# Step 1 of action.yml: installs emr-spark-lint into $RUNNER_TEMP and puts it on the PATH of the next steps.
# INPUT_PACKAGE: what to install (an npm version spec or a tarball); empty: the package built from this action's own
# source, the way `npm pack` builds it for the registry (npm ci, then the prepack build).
set -euo pipefail

prefix="$RUNNER_TEMP/emr-spark-lint"
package="${INPUT_PACKAGE:-}"
if [ -z "$package" ]; then
  echo "Building emr-spark-lint from $GITHUB_ACTION_PATH"
  (cd "$GITHUB_ACTION_PATH" && npm ci --no-audit --no-fund --loglevel=error)
  tarball="$(cd "$GITHUB_ACTION_PATH" && npm pack --pack-destination "$RUNNER_TEMP" --json --loglevel=error | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8"))[0].filename)')"
  package="$RUNNER_TEMP/$tarball"
fi
npm install --global --prefix "$prefix" --no-audit --no-fund --loglevel=error "$package"
echo "$prefix/bin" >>"$GITHUB_PATH"
"$prefix/bin/emr-spark-lint" --version
