namespace VoiceBatch;

/// <summary>
/// What <see cref="CreateBatchRequest.AgentId"/> names on Bland. A Bland batch's <c>global</c> call properties must carry
/// a conversational pathway or a prompt (<c>task</c>), and Bland's Send Call reference says the prompt is NOT to be sent
/// with a pathway — so the request's one agent field becomes exactly one of them (<see cref="BlandOptions.AgentIdKind"/>).
/// </summary>
public enum BlandAgentKind
{
    /// <summary>The id of a Bland conversational pathway, sent as <c>global.pathway_id</c> (the default: a pathway is
    /// Bland's saved, reusable agent).</summary>
    Pathway,

    /// <summary>The id of a Bland persona (a saved call preset), sent as <c>global.persona_id</c>.</summary>
    Persona,

    /// <summary>The prompt itself: <see cref="CreateBatchRequest.AgentId"/> holds the agent's instructions and is sent as
    /// <c>global.task</c>; the contact's columns can be used in it as <c>{{column}}</c>.</summary>
    Task,
}
