// Seed 002: "Querying data across groups" (omero.group = -1, and DoAll).
// Run: omero shell --login -u user-2 scripts/examples/03-querying-across-groups.ts
// from omero.model import *, omero.rtypes, ParametersI, Delete, DoAll, CmdCallbackI: preloaded.

// Session that has already been created for user-2
session = client.getSession()
// Project object instantiation
private_project = new ProjectI()
private_project.name = rstring('private-1 project')
read_only_project = new ProjectI()
read_only_project.name = rstring('read-only-1 project')
// Retrieve the services we are going to use
update_service = session.getUpdateService()
admin_service = session.getAdminService()
query_service = session.getQueryService()
// Groups we are going to write data into
private_group = admin_service.lookupGroup('private-1')
read_only_group = admin_service.lookupGroup('read-only-1')
// Save and return our two projects, setting the context correctly for each.
// ALL interactions with the update service where NEW objects are concerned
// must be passed an explicit context and NOT '-1'.  Otherwise the server
// has no idea which set of owners to assign to the object when persisted.
ctx = {'omero.group': String(private_group.id.val)}
private_project = update_service.saveAndReturnObject(private_project, ctx)
ctx = {'omero.group': String(read_only_group.id.val)}
read_only_project = update_service.saveAndReturnObject(read_only_project, ctx)
private_project_id = private_project.id.val
read_only_project_id = read_only_project.id.val
print(`Created Project:${private_project_id} in group private-1`)
print(`Created Project:${read_only_project_id} in group read-only-1`)
// Query for the private project we created using private-1
//
// You will notice that this returns both Projects as we have specified
// '-1' in the context passed to the query service.
ctx = {'omero.group': '-1'}
params = new ParametersI()
params.addIds([private_project_id, read_only_project_id])
projects = query_service.findAllByQuery(
        'select p from Project as p ' +
        'where p.id in (:ids)', params, ctx)
print(`Found ${projects.length} Project(s)`)
// Use the OMERO 4.3.x introduced delete service to clean up the Projects
// we have just created. The delete service uses '-1' by default for all its
// internal queries.  We are also introducing the 'DoAll' command, which
// allows for the aggregation of 'Delete' commands.
delete_requests = [
    new Delete('/Project', private_project_id, null),
    new Delete('/Project', read_only_project_id, null)
]
handle = session.submit(new DoAll(delete_requests))
try {
    callback = new CmdCallbackI(client, handle)
    callback.loop(10, 1000)  // Loop a maximum of ten times each 1000ms
} finally {
    // Safely ensure that the Handle to the delete request is cleaned up,
    // otherwise there is the possibility of resource leaks server side that
    // will only be cleaned up periodically.
    handle.close()
}

// Example output:
// Created Project:117 in group private-1
// Created Project:118 in group read-only-1
// Found 2 Project(s)
