namespace VoiceBatch.Tests.Contacts;

/// <summary>Base of the contact-sheet fixtures: a fresh temp folder of real files per test, removed afterwards.</summary>
public abstract class SheetFileTests
{
    private protected SheetFiles Files { get; private set; } = null!;

    [SetUp]
    public void CreateFiles() => Files = new SheetFiles();

    [TearDown]
    public void DeleteFiles() => Files.Dispose();

    private protected static ContactValidationException Refused(string path, ContactListOptions? options = null)
        => Assert.ThrowsAsync<ContactValidationException>(() => ContactList.LoadAsync(path, options))!;
}
