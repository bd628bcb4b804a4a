// Seed 002: "Querying data across users in the same group".
// The seed assumes user-2 and user-3 each have a single project in read-only-1; `npm start`'s
// example environment creates them ("user-2 project", "user-3 project").
// Run: omero shell --login -u user-2 scripts/examples/04-querying-across-users.ts

// Session that has already been created for user-2
session = client.getSession()
// Retrieve the services we are going to use
admin_service = session.getAdminService()
query_service = session.getQueryService()
// Groups we are going to query
read_only_group = admin_service.lookupGroup('read-only-1')
// Users we are going to query
user_2 = admin_service.lookupExperimenter('user-2')
user_3 = admin_service.lookupExperimenter('user-3')
// Print the members of 'read-only-1'
print(`Members of "read-only-1" (experimenter_id, username): ${repr(
    read_only_group.linkedExperimenterList().map((v) => [v.id.val, v.omeName.val]))}`)
// Query for all projects
ctx = {'omero.group': String(read_only_group.id.val)}
projects = query_service.findAllByQuery(
        'select p from Project as p', null, ctx)
print(`All projects in "read-only-1" (project_id, owner_id): ${repr(
    projects.map((v) => [v.id.val, v.details.owner.id.val]))}`)
// Query for projects owned by 'user-2'
ctx = {'omero.group': String(read_only_group.id.val)}
params = new ParametersI()
params.addId(user_2.id.val)
projects = query_service.findAllByQuery(
        'select p from Project as p ' +
        'where p.details.owner.id = :id', params, ctx)
print(`Projects owned by "user-2" in "read-only-1" (project_id, owner_id): ${repr(
    projects.map((v) => [v.id.val, v.details.owner.id.val]))}`)
// Query for projects owned by 'user-3'
ctx = {'omero.group': String(read_only_group.id.val)}
params = new ParametersI()
params.addId(user_3.id.val)
projects = query_service.findAllByQuery(
        'select p from Project as p ' +
        'where p.details.owner.id = :id', params, ctx)
print(`Projects owned by "user-3" in "read-only-1" (project_id, owner_id): ${repr(
    projects.map((v) => [v.id.val, v.details.owner.id.val]))}`)

// Example output (Python 2's 10L prints 10; tuples print as lists):
// Members of "read-only-1" (experimenter_id, username): [(10L, 'user-2'), (9L, 'user-3')]
// All projects in "read-only-1" (project_id, owner_id): [(4L, 10L), (7L, 9L)]
// Projects owned by "user-2" in "read-only-1" (project_id, owner_id): [(4L, 10L)]
// Projects owned by "user-3" in "read-only-1" (project_id, owner_id): [(7L, 9L)]
