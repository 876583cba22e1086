// Integration and end-to-end tests talk to real servers and wait for real timers.
jest.setTimeout(120_000);
