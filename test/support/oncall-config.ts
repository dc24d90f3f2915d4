// A small two-site app.yaml for on-call tests: Zurich (weekly, Mon 09:00, office hours) and Palo Alto.
export const zurichOnly = `
timezone: Europe/Zurich
clusters:
  - name: prod-eu
    context: prod-eu
teams:
  - name: platform
    channel: C0PLATFORM1
    channels: [C0PLATFORM1, C0SHOPDEV1]
    managers: [U0MANAGER1]
    rotations:
      - name: zurich
        timezone: Europe/Zurich
        shiftLength: 1w
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0ALICE01, U0BOB0001, U0CAROL01]
        coverage: { days: [mon, tue, wed, thu, fri], from: "08:00", to: "18:00" }
      - name: paloalto
        timezone: America/Los_Angeles
        shiftLength: 1w
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0DAVE001, U0ERIN001]
        coverage: { days: [mon, tue, wed, thu, fri], from: "08:00", to: "18:00" }
`;
