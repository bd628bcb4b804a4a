// Seed 002: "Retrieving a user's event context and group membership".
// Run: omero shell --login -u user-2 scripts/examples/01-event-context.ts

// Session that has already been created for user-2
session = client.getSession()
// Retrieve the services we are going to use
admin_service = session.getAdminService()
ec = admin_service.getEventContext()
print(ec)
groups = ec.memberOfGroups.map((v) => admin_service.getGroup(v))
for (const group of groups) {
    print(`Group name: ${group.name.val}`)
}

// Example output (ids and the session differ on every database):
// object #0 (::omero::sys::EventContext)
// {
//     shareId = -1
//     sessionId = 1783
//     sessionUuid = 213adc46-2c5f-449b-81fc-fe24dec38b58
//     userId = 10
//     userName = user-2
//     groupId = 9
//     groupName = private-1
//     isAdmin = False
//     eventId = -1
//     eventType = User
//     memberOfGroups = 
//     {
//         [0] = 9
//         [1] = 8
//         [2] = 1
//     }
//     leaderOfGroups = 
//     {
//     }
//     groupPermissions = object #1 (::omero::model::Permissions)
//     {
//         _restrictions = 
//         {
//         }
//         _perm1 = -120
//     }
// }
// Group name: private-1
// Group name: read-only-1
// Group name: user
