# The two commands of the README's quick start, and the steps they are made of.
# Everything the project needs is installed or built by these targets; nothing by hand.
.PHONY: up reset test build install check lint typecheck clean

# Dependencies, reinstalled when the lockfile changes.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.installed

build: install
	npm run build

# The local start: Temporal, PostgreSQL, migrations, worker, API and the demo district.
up: build
	node scripts/up.js

# Start afresh: drop the app's database and the local state tied to it (asks first; YES=1 does
# not), then the local start, which seeds the demo district again.
reset: build
	node scripts/reset.js $(if $(YES),--yes,)
	node scripts/up.js

# The whole suite: type check, lint, unit, integration and end-to-end tests against a real
# Temporal server and a real PostgreSQL, which the test setup starts and stops by itself.
test: install
	npm test

typecheck: install
	npx tsc --noEmit -p tsconfig.json

lint: install
	npx eslint .

clean:
	rm -rf dist .run/test coverage
